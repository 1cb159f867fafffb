import type { Template } from '@/utils/schema';

/**
 * Installed once, on first run. English, since clients are international; written the way
 * sellers are taught: answer fast, restate the need, give a date, set expectations, ask for the
 * review only after the client is happy. Nothing here moves talk or payment off the platform.
 */
type Starter = Pick<Template, 'id' | 'title' | 'shortcut' | 'tags' | 'body'>;

export const STARTER_TEMPLATES: ReadonlyArray<Starter> = [
  {
    id: 'starter-first-reply',
    title: 'First reply to a new buyer',
    shortcut: '/hi',
    tags: ['first reply', 'fiverr'],
    body: `Hi {{client_name}},

Thank you for reaching out! I'd be glad to help with this.

To give you an exact quote and timeline, could you tell me a little more:
1. What the final result should look like (any examples you like?)
2. When you need it by
3. Anything you already have that I should use (logo, text, files)

I usually reply within a few hours.

Best regards,
{{my_name}}`,
  },
  {
    id: 'starter-requirements',
    title: 'Asking for requirements',
    shortcut: '/req',
    tags: ['requirements', 'order start'],
    body: `Hi {{client_name}},

Thanks for your order! So I can start right away, please send:
- a short description of your business and audience
- colours or styles you like (and any you don't)
- 2–3 examples you like, if you have them
- any text that must appear exactly

Once I have these, the delivery clock starts and I'll keep you posted.

{{my_name}}`,
  },
  {
    id: 'starter-timeline',
    title: 'Clear timeline with a date',
    shortcut: '/eta',
    tags: ['timeline', 'order start'],
    body: `Hi {{client_name}},

Here is the plan:
- First draft: by {{date+2}}
- Revisions: within 24 hours of your feedback
- Final files: by {{date+4}}

If anything on your side changes, just let me know and I'll adjust.

{{my_name}}`,
  },
  {
    id: 'starter-delivery',
    title: 'Delivery message',
    shortcut: '/deliver',
    tags: ['delivery'],
    body: `Hi {{client_name}},

Your order is ready! I've attached:
- the final files
- a short note on how to use them

Please take a look and tell me if anything needs adjusting: revisions are included and I'm happy to make it perfect.

Thank you for working with me!
{{my_name}}`,
  },
  {
    id: 'starter-revision',
    title: 'Handling a revision request',
    shortcut: '/rev',
    tags: ['revision'],
    body: `Hi {{client_name}},

Thanks for the feedback, that's very clear. I'll make these changes:
1. 
2. 

You'll have the updated version by {{date+1}}. If I've missed anything, please tell me now so I can include it.

{{my_name}}`,
  },
  {
    id: 'starter-extension',
    title: 'Polite extension request',
    shortcut: '/extend',
    tags: ['timeline', 'extension'],
    body: `Hi {{client_name}},

I want to be upfront with you: to deliver the quality you're expecting, I need a little more time. I'm sending an extension request to {{date+2}}.

Here's where things stand today, {{today}}: most of the work is done and I'm finishing the remaining details.

Thank you for your patience, and I'm sorry for the wait.
{{my_name}}`,
  },
  {
    id: 'starter-thanks',
    title: 'Thank-you after the project',
    shortcut: '/thanks',
    tags: ['after delivery'],
    body: `Hi {{client_name}},

Thank you so much for this project, I really enjoyed working on it. If you need any small tweak in the next few days, just message me here.

Wishing you every success with it!
{{my_name}}`,
  },
  {
    id: 'starter-review',
    title: 'Asking for feedback and a review',
    shortcut: '/review',
    tags: ['after delivery', 'review'],
    body: `Hi {{client_name}},

I hope you're happy with the result! If you have a moment, an honest review of your experience would mean a lot to me and helps other buyers find my work.

And if anything isn't quite right yet, please tell me first so I can fix it.

Thank you!
{{my_name}}`,
  },
  {
    id: 'starter-repeat',
    title: 'Repeat-order follow-up',
    shortcut: '/again',
    tags: ['follow-up', 'repeat client'],
    body: `Hi {{client_name}},

It's been a while since we worked on "{{gig_title}}" and I wanted to check in: how is it working out for you?

If you have anything new coming up, I'd be glad to help again, and as a returning client you get priority in my schedule.

{{my_name}}`,
  },
  {
    id: 'starter-cover-letter',
    title: 'Upwork cover letter skeleton',
    shortcut: '/cover',
    tags: ['upwork', 'proposal'],
    body: `Hi {{client_name}},

You need [restate the client's main goal in one line], and the tricky part is [the specific problem from the post]. I've solved exactly this before: [one relevant project and its result].

How I'd approach yours:
1. [first step]
2. [second step]
3. [delivery, with a realistic timeline]

A question to make sure I get it right: [one specific question about the job].

Would you like to jump on a short call on Upwork to discuss?

{{my_name}}`,
  },
  {
    id: 'starter-interview-follow-up',
    title: 'Upwork follow-up after an interview',
    shortcut: '/followup',
    tags: ['upwork', 'follow-up'],
    body: `Hi {{client_name}},

Thank you for taking the time to talk today. I enjoyed learning about the project, and I'm confident I can help you with it.

To recap what we agreed: [scope], delivered by {{date+7}}.

If you have any other questions, I'm happy to answer them here. Looking forward to working together!

{{my_name}}`,
  },
  {
    id: 'starter-decline',
    title: '"Not a fit" decline',
    shortcut: '/decline',
    tags: ['decline'],
    body: `Hi {{client_name}},

Thank you for thinking of me for this. After reading your requirements carefully, I don't think I'm the best fit for this particular project, and I'd rather be honest than take it on and fall short.

I hope you find the right person quickly, and I'd be glad to help with anything closer to my skills in the future.

Best wishes,
{{my_name}}`,
  },
];
