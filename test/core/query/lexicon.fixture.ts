import type { Lexicon } from '../../../core/query';

/** The lexicon and clock every parser test reads against. Wednesday 20 November 2024. */
export const NOW = new Date('2024-11-20T10:00:00Z');

export const LEXICON: Lexicon = {
  plans: [
    { key: 'BTP-CDI', title: 'Crime Data Integrity Improvement Plan' },
    { key: 'NCRS', title: 'Audit Commission NCRS action plan' },
    { key: 'MPS-BA', title: 'MPS Business Assurance plan' },
  ],
  boards: [
    { key: 'ICB', name: 'Integrity and Compliance Board' },
    { key: 'SEB', name: 'Service Excellence Board' },
  ],
  posts: [
    'Deputy Chief Constable',
    'Head of Contact Management',
    'Head of SDD',
    'FCR',
    'Head of Offender Management',
    'ACC B Division and Crime',
  ],
  people: [
    { id: 'p-alex', displayName: 'Alex Wilber' },
    { id: 'p-megan', displayName: 'Megan Bowen' },
  ],
};
