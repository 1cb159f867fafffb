import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { GigSaathiDB } from '@/utils/platform/db';
import { DuplicateShortcutError, saveTemplate } from '@/utils/templates/store';
import { fiverr, upwork } from '@/utils/sites';

function doc(build: (d: Document) => void): Document {
  const d = document.implementation.createHTMLDocument('t');
  build(d);
  return d;
}
function perseus(d: Document, value: unknown) {
  const s = d.createElement('script');
  s.id = 'perseus-initial-props';
  s.type = 'application/json';
  s.textContent = JSON.stringify(value);
  d.head.append(s);
}

describe('fiverr.readPageContext', () => {
  it('takes the client from the inbox URL', () => {
    expect(
      fiverr.readPageContext(
        doc(() => {}),
        new URL('https://www.fiverr.com/inbox/alice_buyer'),
      ),
    ).toEqual({
      client_name: 'alice_buyer',
      gig_title: null,
    });
  });

  it('takes the buyer and gig from an order page’s embedded JSON', () => {
    const d = doc((d) =>
      perseus(d, { order: { buyer: { username: 'bob_smith' }, gig: { title: 'I will design a logo' } } }),
    );
    expect(fiverr.readPageContext(d, new URL('https://www.fiverr.com/orders/FO123/activities'))).toEqual({
      client_name: 'bob_smith',
      gig_title: 'I will design a logo',
    });
  });

  it('reads the gig title as buyers see it, from the editor field or the gig page heading', () => {
    // The field holds only what follows Fiverr's drawn "I will".
    const editor = doc((d) => {
      const t = d.createElement('textarea');
      t.className = 'gig-title-textarea';
      t.setAttribute('maxlength', '80');
      t.value = 'write SEO blog posts';
      d.body.append(t);
    });
    expect(
      fiverr.readPageContext(editor, new URL('https://www.fiverr.com/users/me/manage_gigs/seo-posts/edit')).gig_title,
    ).toBe('I will write SEO blog posts');
    const gig = doc((d) => {
      const h1 = d.createElement('h1');
      h1.textContent = ' I will edit your podcast ';
      d.body.append(h1);
    });
    expect(fiverr.readPageContext(gig, new URL('https://www.fiverr.com/sana/edit-podcast')).gig_title).toBe(
      'I will edit your podcast',
    );
  });

  it('copes with a page that shows nothing (and with broken JSON)', () => {
    const d = doc((d) => {
      const s = d.createElement('script');
      s.id = 'perseus-initial-props';
      s.textContent = '{broken';
      d.head.append(s);
    });
    expect(fiverr.readPageContext(d, new URL('https://www.fiverr.com/orders/FO1/activities'))).toEqual({
      client_name: null,
      gig_title: null,
    });
  });
});

describe('upwork.readPageContext', () => {
  const rooms = (d: Document) => {
    for (const [href, name] of [
      ['/ab/messages/rooms/room_aaa111', 'Sarah Johnson'],
      ['/ab/messages/rooms/room_bbb222', 'Green Leaf Teas'],
    ]) {
      const a = d.createElement('a');
      a.className = 'room-list-item';
      a.href = href!;
      const t = d.createElement('span');
      t.className = 'item-title';
      t.textContent = name!;
      a.append(t);
      d.body.append(a);
    }
  };
  it('takes the client from the room list entry of this room', () => {
    expect(
      upwork.readPageContext(doc(rooms), new URL('https://www.upwork.com/ab/messages/rooms/room_bbb222')).client_name,
    ).toBe('Green Leaf Teas');
    expect(
      upwork.readPageContext(doc(rooms), new URL('https://www.upwork.com/ab/messages/rooms/room_ccc333')).client_name,
    ).toBeNull();
  });
  it('takes the job title on a proposal', () => {
    const d = doc((d) => {
      const panel = d.createElement('section');
      panel.className = 'fe-job-details';
      // `.fe-job-details .content h3` (shared/SITES.md).
      const content = d.createElement('div');
      content.className = 'content';
      const h3 = d.createElement('h3');
      h3.textContent = 'Logo for a tea shop';
      content.append(h3);
      panel.append(content);
      d.body.append(panel);
    });
    expect(upwork.readPageContext(d, new URL('https://www.upwork.com/nx/proposals/job/~0123/apply/'))).toEqual({
      client_name: null,
      gig_title: 'Logo for a tea shop',
    });
  });
});

describe('saveTemplate', () => {
  it('refuses a shortcut another template uses, naming it, and allows re-saving the same template', async () => {
    const db = new GigSaathiDB(`dup-${Math.random().toString(36).slice(2)}`);
    try {
      await saveTemplate(db, { id: 'a', title: 'Thanks', body: 'x', shortcut: '/ty' });
      await expect(saveTemplate(db, { id: 'b', title: 'Other', body: 'y', shortcut: '/ty' })).rejects.toThrow(
        new DuplicateShortcutError('/ty', 'Thanks'),
      );
      await expect(saveTemplate(db, { id: 'a', title: 'Thanks!', body: 'x', shortcut: '/ty' })).resolves.toMatchObject({
        title: 'Thanks!',
      });
      expect(await db.templates.count()).toBe(1);
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  });
});
