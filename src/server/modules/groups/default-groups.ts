/**
 * The groups a new installation starts with. Operators edit or archive them in the admin
 * screens; they are created once, on first start, and never re-created after that.
 */
const COMMON_RULES = [
  'Be kind. Reply to the person as you would face to face.',
  'Share your own experience; no diagnosing or lecturing.',
  'No details of methods or places of self-harm or suicide.',
  "Keep support here: don't ask for phone numbers or social-media handles.",
  'What is shared here stays here.',
];

export const DEFAULT_GROUPS: { name: string; slug: string; description: string; rules: string[] }[] = [
  {
    name: 'Depression support',
    slug: 'depression-support',
    description: 'For anyone living with depression, on good days and bad ones. Come as you are.',
    rules: COMMON_RULES,
  },
  {
    name: 'Anxiety & depression',
    slug: 'anxiety-and-depression',
    description: 'When worry and low mood come together: share what helps, and what is hard right now.',
    rules: COMMON_RULES,
  },
  {
    name: "Men's space",
    slug: 'mens-space',
    description: 'A place for men to talk about how things really are, without having to have it all together.',
    rules: COMMON_RULES,
  },
  {
    name: 'Young adults',
    slug: 'young-adults',
    description: 'For people aged 18 to 25: study, work, relationships, and finding your feet while feeling low.',
    rules: [...COMMON_RULES, 'This group is for people aged 18 to 25.'],
  },
  {
    name: 'New parents',
    slug: 'new-parents',
    description: 'Low mood during pregnancy or after a baby arrives is common. You are not alone, and it is not your fault.',
    rules: COMMON_RULES,
  },
  {
    name: 'Bipolar & mood',
    slug: 'bipolar-and-mood',
    description: 'For people living with bipolar disorder and other mood conditions, and the ups and downs that come with them.',
    rules: [...COMMON_RULES, 'No advice to start, stop or change medication: that is for you and your prescriber.'],
  },
  {
    name: 'LGBTQ+ peer support',
    slug: 'lgbtq-peer-support',
    description: 'Peer support by and for LGBTQ+ people. Names and pronouns are respected here.',
    rules: [...COMMON_RULES, "Respect everyone's identity, names and pronouns."],
  },
  {
    name: 'Hope & recovery',
    slug: 'hope-and-recovery',
    description: 'Small wins, things that helped, and what recovery looks like for you. Every step counts.',
    rules: COMMON_RULES,
  },
];
