/** What the benchmark asks: "what's red?" end to end and next to its floor, the others in process. */
export const RED_QUESTION = "what's red?";
/** Managers' other questions over every plan, whose work grows with the database. */
export const OTHER_QUESTIONS = [
  "what's amber?",
  'how are we doing?',
  'what changed this week?',
  'who is behind?',
  'what was completed this month?',
  'what does Alex Wilber owe?',
];
