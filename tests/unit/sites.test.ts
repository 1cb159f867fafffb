import { describe, expect, it } from 'vitest';
import { fiverr, peopleperhour, siteOf, upwork } from '@/utils/sites';

/** Sample URLs per detector. Every detector must be true on its own and false on all the others. */
const FIVERR: Record<keyof typeof fiverr.detectors, string[]> = {
  isInbox: ['https://www.fiverr.com/inbox', 'https://www.fiverr.com/inbox/'],
  isInboxConversation: ['https://www.fiverr.com/inbox/alice_buyer', 'https://www.fiverr.com/inbox/bob.smith?ref=x'],
  isOrderPage: ['https://www.fiverr.com/orders/FO1A2B3C4D5E/activities', 'https://www.fiverr.com/orders/FO9Z8Y7X'],
  isManageOrders: [
    'https://www.fiverr.com/users/ayesha_designs/manage_orders',
    'https://www.fiverr.com/users/me/manage_orders/?search_type=active',
  ],
  isEarnings: ['https://www.fiverr.com/earnings', 'https://www.fiverr.com/users/ayesha_designs/earnings'],
  isGigEditor: [
    'https://www.fiverr.com/users/ayesha_designs/manage_gigs/design-a-minimalist-logo/edit?wizard=0&tab=general',
    // A new gig's first step (shared/SITES.md).
    'https://www.fiverr.com/users/ayesha_designs/manage_gigs/new?wizard=0&tab=general',
  ],
  isSearch: ['https://www.fiverr.com/search/gigs?query=logo%20design', 'https://www.fiverr.com/search/gigs/'],
  isCategory: [
    'https://www.fiverr.com/categories/graphics-design/creative-logo-design',
    'https://www.fiverr.com/categories/programming-tech',
  ],
  isGigPage: [
    'https://www.fiverr.com/ayesha_designs/design-a-minimalist-logo',
    'https://fiverr.com/bilal_dev/build-a-wordpress-site/?context_referrer=search',
  ],
};

const UPWORK: Record<keyof typeof upwork.detectors, string[]> = {
  isProposal: ['https://www.upwork.com/nx/proposals/job/~021234567890123456789/apply/'],
  isCatalogEditor: [
    'https://www.upwork.com/nx/project-dashboard/projects/new',
    'https://www.upwork.com/nx/project-dashboard/projects/1790000000000000000/edit/overview',
  ],
  isMessages: [
    'https://www.upwork.com/ab/messages/rooms/room_4f1c2e9a0b3d',
    'https://www.upwork.com/ab/messages/rooms/room_abc123/',
  ],
  isJobSearch: ['https://www.upwork.com/nx/search/jobs/?q=logo', 'https://www.upwork.com/nx/find-work/best-matches'],
  isJobDetails: [
    'https://www.upwork.com/jobs/~021234567890',
    'https://www.upwork.com/nx/search/jobs/details/~021234567890',
  ],
  isContract: [
    'https://www.upwork.com/nx/wm/workroom/38123456/overview',
    'https://www.upwork.com/ab/contracts/38123456',
  ],
  isEarnings: [
    'https://www.upwork.com/nx/payments/reports/transaction-history/',
    // Where that URL now redirects (SITES.md).
    'https://www.upwork.com/nx/payments/reports/transactions/1234567',
  ],
  isProfile: ['https://www.upwork.com/freelancers/~01abcdef1234567890'],
};

/** Pages no detector claims. */
const NOBODY = [
  'https://www.fiverr.com/',
  'https://www.fiverr.com/ayesha_designs',
  'https://www.fiverr.com/users/ayesha_designs/manage_gigs',
  'https://www.fiverr.com/seller_dashboard',
  'https://www.upwork.com/',
  'https://www.upwork.com/nx/proposals/job/~0212/apply/extra',
  'https://www.upwork.com/ab/messages/rooms/room_xyz',
  'https://evil-fiverr.com/inbox/alice',
  'https://fiverr.com.evil.example/inbox/alice',
  'https://www.example.com/inbox/alice',
  'chrome://extensions/',
  'not a url',
];

// isInbox covers conversations too; it is the only intended overlap.
const overlaps = new Set(['isInbox>isInboxConversation']);

describe.each([
  ['fiverr', fiverr.detectors as Record<string, (u: string | URL) => boolean>, FIVERR as Record<string, string[]>],
  ['upwork', upwork.detectors as Record<string, (u: string | URL) => boolean>, UPWORK as Record<string, string[]>],
])('%s detectors', (_, detectors, samples) => {
  it('have samples for every detector', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(detectors).sort());
  });

  const all = [...Object.values(FIVERR).flat(), ...Object.values(UPWORK).flat()];
  for (const [name, detect] of Object.entries(detectors)) {
    it(`${name} is true on its own URLs`, () => {
      for (const url of samples[name]!) expect(detect(url), url).toBe(true);
      for (const url of samples[name]!) expect(detect(new URL(url)), url).toBe(true);
    });
    it(`${name} is false on every other page`, () => {
      const own = new Set(samples[name]);
      for (const [other, urls] of Object.entries(samples)) {
        if (other === name || overlaps.has(`${name}>${other}`)) continue;
        for (const url of urls) if (!own.has(url)) expect(detect(url), url).toBe(false);
      }
      for (const url of all.filter((u) => !Object.values(samples).flat().includes(u)))
        expect(detect(url), url).toBe(false);
      for (const url of NOBODY) expect(detect(url), url).toBe(false);
    });
  }
});

describe('fiverr page context', () => {
  it('reads the inbox username and order id', () => {
    expect(fiverr.inboxUsername('https://www.fiverr.com/inbox/alice_buyer')).toBe('alice_buyer');
    expect(fiverr.inboxUsername('https://www.fiverr.com/inbox/ali%20khan')).toBe('ali khan');
    expect(fiverr.inboxUsername('https://www.fiverr.com/inbox')).toBeNull();
    // A malformed escape is kept as written, not thrown.
    expect(fiverr.inboxUsername('https://www.fiverr.com/inbox/ali%E0%A4%A')).toBe('ali%E0%A4%A');
    expect(fiverr.gigSlug('https://www.fiverr.com/ayesha/logo%E0%A4%A')).toBe('logo%E0%A4%A');
    expect(fiverr.orderId('https://www.fiverr.com/orders/FO1A2B3C4D5E/activities')).toBe('FO1A2B3C4D5E');
    expect(fiverr.orderId('https://www.fiverr.com/inbox/x')).toBeNull();
  });

  it('reads the gig slug on gig pages and in the editor', () => {
    expect(fiverr.gigSlug('https://www.fiverr.com/ayesha_designs/design-a-minimalist-logo')).toBe(
      'design-a-minimalist-logo',
    );
    expect(fiverr.gigSlug(FIVERR.isGigEditor[0]!)).toBe('design-a-minimalist-logo');
    expect(fiverr.gigSlug(FIVERR.isGigEditor[1]!)).toBe('new');
    expect(fiverr.isNewGig(FIVERR.isGigEditor[1]!)).toBe(true);
    expect(fiverr.isNewGig(FIVERR.isGigEditor[0]!)).toBe(false);
    expect(fiverr.gigSlug('https://www.fiverr.com/search/gigs?query=x')).toBeNull();
  });

  it('reads perseus props, also when double-encoded', () => {
    const props = { overview: { gig: { title: 'I will design a logo' } }, tags: { tagsGigList: [{ name: 'logo' }] } };
    const make = (text: string) => {
      const doc = document.implementation.createHTMLDocument('x');
      const script = doc.createElement('script');
      script.id = 'perseus-initial-props';
      script.type = 'application/json';
      script.textContent = text;
      doc.body.append(script);
      return doc;
    };
    expect(fiverr.readPerseusProps(make(JSON.stringify(props)))).toEqual(props);
    expect(fiverr.readPerseusProps(make(JSON.stringify(JSON.stringify(props))))).toEqual(props);
    expect(fiverr.readPerseusProps(make('{"broken":'))).toBeNull();
    expect(fiverr.readPerseusProps(make(''))).toBeNull();
    expect(fiverr.readPerseusProps(document.implementation.createHTMLDocument('empty'))).toBeNull();
  });
});

describe('upwork page context', () => {
  it('reads the room id', () => {
    expect(upwork.messagesRoomId(UPWORK.isMessages[0]!)).toBe('room_4f1c2e9a0b3d');
    expect(upwork.messagesRoomId('https://www.upwork.com/')).toBeNull();
  });
});

describe('siteOf', () => {
  it.each([
    ['https://www.fiverr.com/inbox', 'fiverr'],
    ['https://fiverr.com/', 'fiverr'],
    ['https://pro.fiverr.com/x', 'fiverr'],
    ['https://www.upwork.com/nx/find-work', 'upwork'],
    ['https://notfiverr.com/', null],
    ['https://www.linkedin.com/', null],
    ['garbage', null],
  ])('%s → %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});

describe("upwork's service fee for a contract", () => {
  it.each([
    ['10% Freelancer Service Fee', 10],
    ['5% Freelancer Service Fee -$25.00', 5],
    ['Freelancer Service Fee (12.5%)', 12.5],
    ['Upwork Service Fee: 15%', 15],
    ['0% service fee', 0],
    ['Terms Bid $500.00 10% Freelancer Service Fee You’ll receive $450.00', 10],
  ])('%j → %d%%', (text, percent) => {
    expect(upwork.readServiceFeePercent(text)).toBe(percent);
  });

  // The last: a figure run into the percent is no part of it.
  it.each([
    'Bid $500.00',
    'Service fee applies',
    '25% Freelancer Service Fee',
    '10% off',
    '',
    'Rs 125,1635% Service Fee',
  ])('%j → none', (text) => {
    expect(upwork.readServiceFeePercent(text)).toBeNull();
  });

  it('reads the fee stated in the terms around a bid field, and nothing from elsewhere', () => {
    document.body.innerHTML = `
      <p>Other freelancers pay a 20% Freelancer Service Fee</p>
      <section><input id="bid"><span>≈ Rs 125,163</span>5% Freelancer Service Fee</section>
      <section><input id="other"></section>`;
    expect(upwork.serviceFeeNear(document.getElementById('bid')!)).toBe(5);
    expect(upwork.serviceFeeNear(document.getElementById('other')!)).toBeNull();
  });

  it('is read on a proposal page, around its bid field, and nowhere else', () => {
    document.body.innerHTML = `<section><input data-test="bid-input"><p>7.5% Freelancer Service Fee</p></section>`;
    const proposal = 'https://www.upwork.com/nx/proposals/job/~021234567890123456789/apply/';
    expect(upwork.statedServiceFee(document, proposal)).toBe(7.5);
    expect(upwork.statedServiceFee(document, 'https://www.upwork.com/jobs/~021234567890')).toBeNull();
    document.body.innerHTML = `<p>7.5% Freelancer Service Fee</p>`;
    expect(upwork.statedServiceFee(document, proposal)).toBeNull();
  });
});

describe('peopleperhour detectors', () => {
  it.each([
    ['https://www.peopleperhour.com/freelance-jobs', 'isJobList'],
    ['https://www.peopleperhour.com/freelance-jobs/design/logo-design', 'isJobList'],
    ['https://www.peopleperhour.com/freelance-jobs/design/logo-design/logo-for-a-tea-shop-4123456', 'isJob'],
    ['https://www.peopleperhour.com/hourlie/i-will-design-your-logo/123456', 'isHourlie'],
    ['https://www.peopleperhour.com/dashboard/seller', 'isDashboard'],
  ] as const)('%s is %s, and no other kind', (url, kind) => {
    for (const [name, detect] of Object.entries(peopleperhour.detectors)) expect(detect(url), name).toBe(name === kind);
  });

  it.each([
    'https://www.peopleperhour.com.evil.example/freelance-jobs',
    'ftp://www.peopleperhour.com/freelance-jobs',
    'not a url',
  ])('refuses %s', (url) => {
    for (const detect of Object.values(peopleperhour.detectors)) expect(detect(url)).toBe(false);
  });

  it('is a site of its own', () => {
    expect(siteOf('https://www.peopleperhour.com/freelance-jobs')).toBe('peopleperhour');
    expect(siteOf('https://peopleperhour.com/')).toBe('peopleperhour');
  });
});
