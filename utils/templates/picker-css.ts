export const TEMPLATE_UI_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.insert-button {
  position: fixed; width: 28px; height: 28px; padding: 0; margin: 0;
  display: inline-flex; align-items: center; justify-content: center;
  border: 1px solid #0b6e4f; border-radius: 6px; background: #ffffff; color: #0b6e4f;
  font: 600 15px/1 system-ui, -apple-system, 'Segoe UI', sans-serif; cursor: pointer;
  box-shadow: 0 1px 3px rgba(0,0,0,.2); opacity: .85;
}
.insert-button:hover, .insert-button:focus-visible { opacity: 1; background: #e9f5ef; }
.insert-button:focus-visible, .picker :focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.picker {
  position: fixed; width: 380px; max-width: calc(100vw - 16px); max-height: min(440px, calc(100vh - 16px));
  display: flex; flex-direction: column; gap: 6px; padding: 10px;
  background: #ffffff; color: #1b1f24; border: 1px solid #8c959f; border-radius: 10px;
  box-shadow: 0 8px 24px rgba(0,0,0,.18);
  font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', 'Noto Sans', sans-serif; text-align: start;
}
.picker h2 { margin: 0; font-size: 13px; font-weight: 600; color: #57606a; }
.picker input { font: inherit; width: 100%; padding: 6px 8px; border: 1px solid #8c959f; border-radius: 6px; color: inherit; background: #fff; }
.picker ul { list-style: none; margin: 0; padding: 0; overflow: auto; flex: 1 1 auto; }
.picker li { padding: 6px 8px; border-radius: 6px; cursor: pointer; display: flex; flex-direction: column; gap: 2px; }
.picker li[aria-selected="true"] { background: #ddf4e8; outline: 1px solid #0b6e4f; }
.picker .row { display: flex; gap: 8px; align-items: baseline; }
.picker .title { font-weight: 600; }
.picker code { font: 12px ui-monospace, monospace; background: #eef1f4; padding: 0 4px; border-radius: 4px; }
.picker .preview { color: #57606a; font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.picker .warn { color: #8a4600; font-size: 12px; }
.picker .hint { margin: 0; color: #57606a; font-size: 12px; }
.picker .empty { color: #57606a; padding: 8px; }
.picker form { display: flex; flex-direction: column; gap: 8px; }
.picker label { display: flex; flex-direction: column; gap: 2px; font-weight: 600; font-size: 13px; }
.picker .actions { display: flex; gap: 8px; }
.picker button.primary, .picker button.secondary { font: inherit; border-radius: 6px; padding: 5px 12px; cursor: pointer; border: 1px solid #0b6e4f; }
.picker button.primary { background: #0b6e4f; color: #fff; }
.picker button.secondary { background: #fff; color: #0b6e4f; }
.picker [role="alert"] { color: #a40e26; font-weight: 600; margin: 0; }
.picker [role="status"]:empty, .picker [role="alert"]:empty { display: none; }
`;
