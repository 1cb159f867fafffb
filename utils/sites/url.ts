/** Detectors take a URL object or a string; anything unparsable is simply "not this page". */
export type UrlLike = URL | string;

export function toUrl(input: UrlLike): URL | null {
  if (input instanceof URL) return input;
  try {
    return new URL(input);
  } catch {
    return null;
  }
}

export function hostIs(url: URL, domain: string): boolean {
  const host = url.hostname.toLowerCase();
  return host === domain || host.endsWith(`.${domain}`);
}

/** Builds a detector that is true when the URL is on `domain` and its path matches `pattern`. */
export function pathDetector(domain: string, pattern: RegExp): (input: UrlLike) => boolean {
  return (input) => {
    const url = toUrl(input);
    return (
      url !== null &&
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      hostIs(url, domain) &&
      pattern.test(url.pathname)
    );
  };
}
