/**
 * The demo's data: a Lahore logo designer's year on Fiverr and Upwork, dated back from the day
 * the demo runs so the dashboard and reminders look alive. Realistic on purpose, and never the
 * test fixtures (whose templates are attacks on the insertion code).
 */
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  DEFAULT_SETTINGS,
  type Backup,
  type Order,
  type Template,
  type Withdrawal,
} from '@/utils/schema';

const DAY = 86_400_000;

const TEMPLATES: ReadonlyArray<Omit<Template, 'createdAt' | 'updatedAt'>> = [
  {
    id: 'demo-first-reply',
    title: 'First reply to a new buyer',
    shortcut: '/hi',
    tags: ['first reply', 'fiverr'],
    usageCount: 41,
    lastUsedAt: null,
    body: 'Hi {{client_name}},\n\nThank you for reaching out! I would love to help with your logo.\n\nCould you share your business name, the feeling you want (modern, playful, classic) and any logos you like? Then I can send an exact quote and timeline.\n\nBest regards,\n{{my_name}}',
  },
  {
    id: 'demo-timeline',
    title: 'Clear timeline with dates',
    shortcut: '/eta',
    tags: ['timeline', 'order start'],
    usageCount: 27,
    lastUsedAt: null,
    body: 'Here is the plan for your order:\n- First concepts: {{date+2}}\n- Revisions: within 24 hours of your feedback\n- Final files (AI, SVG, PNG): {{date+4}}\n\nI will keep you posted at every step.\n{{my_name}}',
  },
  {
    id: 'demo-requirements',
    title: 'Asking for the brief',
    shortcut: '/brief',
    tags: ['requirements'],
    usageCount: 19,
    lastUsedAt: null,
    body: 'Thanks for your order, {{client_name}}! To start right away, please send:\n1. Your business name and tagline\n2. Colours you like (and any you do not)\n3. Two or three logos you admire\n\nThe delivery clock starts as soon as I have these.\n{{my_name}}',
  },
  {
    id: 'demo-delivery',
    title: 'Delivery message',
    shortcut: '/deliver',
    tags: ['delivery'],
    usageCount: 33,
    lastUsedAt: null,
    body: 'Hi {{client_name}},\n\nYour logo for "{{gig_title}}" is ready! Attached are the final files in AI, SVG and PNG, plus a one-page guide to the colours and fonts.\n\nIf anything needs a tweak, just tell me: revisions are included.\n\nThank you for working with me!\n{{my_name}}',
  },
  {
    id: 'demo-revision',
    title: 'Revision on its way',
    shortcut: '/rev',
    tags: ['revision'],
    usageCount: 12,
    lastUsedAt: null,
    body: 'Thanks for the clear feedback, {{client_name}}. I am making these changes now and you will have the updated version by {{date+1}}.\n\n{{my_name}}',
  },
  {
    id: 'demo-cover-letter',
    title: 'Upwork cover letter: logo projects',
    shortcut: '/cover',
    tags: ['upwork', 'proposal'],
    usageCount: 16,
    lastUsedAt: null,
    body: 'Hi {{client_name}},\n\nA logo has to work on a sign, a cup and a phone screen alike, and that is where most designs fail. I have designed brand kits for 40+ cafés and small shops, each with a palette and a short guide.\n\nFor your project I would start with three rough directions, then refine the one you like.\n\nWhich of your competitors do you feel gets their branding right?\n\n{{my_name}}',
  },
  {
    id: 'demo-thanks',
    title: 'Thank-you after the project',
    shortcut: '/thanks',
    tags: ['after delivery'],
    usageCount: 24,
    lastUsedAt: null,
    body: 'Thank you so much, {{client_name}}! It was a pleasure working on this. If you need business cards or social media headers to match, I would be glad to help.\n\n{{my_name}}',
  },
  {
    id: 'demo-extension',
    title: 'Polite extension request',
    shortcut: '/extend',
    tags: ['timeline'],
    usageCount: 3,
    lastUsedAt: null,
    body: 'Hi {{client_name}},\n\nTo give you the quality you expect, I need one more day. I am sending an extension request to {{date+1}}. The concepts are nearly done, and I will share a preview today.\n\nThank you for your patience.\n{{my_name}}',
  },
];

/** [platform, client, title, amount, days ago ordered, days to deliver, state] */
type Row = [
  Order['platform'],
  string,
  string,
  number,
  number,
  number,
  'active' | 'delivered' | 'completed' | 'withdrawn',
];
const ROWS: ReadonlyArray<Row> = [
  ['fiverr', 'cafe_bloom', 'I will design a modern minimalist logo', 45, 340, 3, 'withdrawn'],
  ['fiverr', 'northpeak_outdoor', 'I will design a modern minimalist logo', 120, 300, 4, 'withdrawn'],
  ['upwork', 'Green Leaf Teas', 'Logo and brand kit for an organic tea shop', 500, 270, 14, 'withdrawn'],
  ['fiverr', 'sana_bakes', 'I will design a modern minimalist logo', 45, 240, 3, 'withdrawn'],
  ['fiverr', 'lumen_studio', 'I will create a brand style guide', 180, 210, 5, 'withdrawn'],
  ['upwork', 'Harbor Analytics', 'Logo refresh and icon set', 650, 180, 20, 'withdrawn'],
  ['fiverr', 'cafe_bloom', 'I will design social media headers', 35, 150, 2, 'withdrawn'],
  ['fiverr', 'dr_imran_clinic', 'I will design a modern minimalist logo', 120, 120, 4, 'withdrawn'],
  ['upwork', 'Kettle & Co.', 'Packaging labels for three teas', 420, 95, 12, 'withdrawn'],
  ['fiverr', 'ravi_fitness', 'I will design a modern minimalist logo', 45, 70, 3, 'withdrawn'],
  ['fiverr', 'lumen_studio', 'I will design social media headers', 60, 45, 2, 'completed'],
  ['upwork', 'Harbor Analytics', 'Pitch deck template', 300, 30, 10, 'completed'],
  ['fiverr', 'mehndi_by_zara', 'I will design a modern minimalist logo', 120, 18, 4, 'completed'],
  ['fiverr', 'northpeak_outdoor', 'I will create a brand style guide', 180, 9, 5, 'completed'],
  // Completed today: this month is never empty in the demo, whatever day it runs.
  ['fiverr', 'mehndi_by_zara', 'I will design social media headers', 60, 7, 5, 'completed'],
  ['fiverr', 'the_chai_spot', 'I will design a modern minimalist logo', 45, 4, 3, 'delivered'],
  ['upwork', 'Bright Path Tutors', 'Logo and website colours', 350, 3, 7, 'active'],
  ['fiverr', 'cafe_bloom', 'I will design a menu card', 60, 1, 3, 'active'],
];

export function demoBackup(now = new Date()): Backup {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  const orders: Order[] = ROWS.map(([platform, client, title, amount, ago, days, state], i) => {
    const ordered = at(ago);
    const due = at(ago - days);
    const base: Order = {
      id: `demo-order-${i + 1}`,
      platform,
      externalId: platform === 'fiverr' ? `FO${(0x1a2b3c4d + i * 7919).toString(16).toUpperCase()}` : undefined,
      client,
      title,
      amount,
      currency: 'USD',
      feePercent: platform === 'upwork' ? 10 : undefined,
      status: 'active',
      orderedAt: ordered,
      dueAt: due,
    };
    if (state === 'active') return base;
    const delivered = at(ago - days + 1);
    if (state === 'delivered') return { ...base, status: 'delivered', deliveredAt: delivered };
    const completed = ago - days - 2 <= 0 ? new Date(now.getTime() - 3_600_000).toISOString() : at(ago - days - 2);
    const clears = at(Math.max(-14, ago - days - 2 - (platform === 'fiverr' ? 14 : 5)));
    return {
      ...base,
      status: 'completed',
      deliveredAt: delivered,
      completedAt: completed,
      clearsAt: clears,
      ...(state === 'withdrawn' ? { withdrawnAt: at(ago - days - 25) } : {}),
      ...(i % 4 === 0 ? { tip: 10 } : {}),
    };
  }).map((o) => JSON.parse(JSON.stringify(o)) as Order);
  const stamp = at(200);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    templates: TEMPLATES.map((t, i) => ({ ...t, lastUsedAt: at(i), createdAt: stamp, updatedAt: stamp })),
    orders,
    settings: { ...DEFAULT_SETTINGS, myName: 'Ayesha Khan', topRatedSeller: true, setupDone: true },
    gigKeywords: [],
    // A withdrawal a month or so, by each route the designer uses, with the rupees that arrived
    // (at about 1.5% to 3% under the demo's 280 a dollar), so "Money to your bank" has figures.
    withdrawals: [
      [200, 'payoneer', 600, 159_700],
      [150, 'upwork-local-bank', 900.99, 249_400],
      [90, 'payoneer', 450, 119_800],
      [40, 'upwork-local-bank', 600.99, 166_300],
      [12, 'payoneer', 300, 79_850],
    ].map(([ago, route, amount, pkr], i) => ({
      id: `demo-withdrawal-${i + 1}`,
      at: at(ago as number),
      amount: amount as number,
      currency: 'USD',
      pkrReceived: pkr as number,
      route: route as Withdrawal['route'],
      ...(route === 'upwork-local-bank' ? { fee: 0.99 } : {}),
    })),
    costs: [
      {
        id: 'demo-cost-1',
        at: at(1),
        platform: 'upwork',
        kind: 'connects',
        amount: 12,
        currency: 'USD',
        description: 'Fees for additional Connects (80).',
      },
    ],
  };
}
