import { completeClipped, ownersFromActionText, parseOwners } from '../../../core/import/owners';

describe('parseOwners', () => {
  test('posts run together, each with what it answers for', () => {
    expect(parseOwners('Cdr Foy-Metcall Cdr Jarman- SNTs Cdr Minton- IBOs')).toEqual([
      { post: 'Cdr Foy-Metcall' },
      { post: 'Cdr Jarman', role: 'SNTs' },
      { post: 'Cdr Minton', role: 'IBOs' },
    ]);
  });

  test('posts joined by "&", "and", ";" or line breaks; "and" inside one post stays', () => {
    const posts = (cell: string) => parseOwners(cell).map((o) => o.post);
    expect(posts('Head of HR & Head of Legal')).toEqual(['Head of HR', 'Head of Legal']);
    expect(posts('J Smith and K Jones')).toEqual(['J Smith', 'K Jones']);
    expect(posts('Head of IT; Head of Data\nHead of Comms')).toEqual(['Head of IT', 'Head of Data', 'Head of Comms']);
    expect(posts('Director of Finance and Resources')).toEqual(['Director of Finance and Resources']);
    expect(posts('J. Smith, Director of Finance')).toEqual(['J. Smith, Director of Finance']);
  });

  test('posts listed with commas, each a title; a comma inside one post or after a name stays', () => {
    const posts = (cell: string) => parseOwners(cell).map((o) => o.post);
    expect(posts('Head of HR, Head of Legal, Deputy Director of Finance')).toEqual([
      'Head of HR',
      'Head of Legal',
      'Deputy Director of Finance',
    ]);
    expect(posts('Director of People, Culture and Inclusion')).toEqual(['Director of People, Culture and Inclusion']);
    expect(posts('Assistant Director, Commissioning')).toEqual(['Assistant Director, Commissioning']);
  });

  test('the part a post plays, in brackets after it', () => {
    expect(parseOwners('Head of IT (lead), Head of HR (support)')).toEqual([
      { post: 'Head of IT', role: 'lead' },
      { post: 'Head of HR', role: 'support' },
    ]);
    expect(parseOwners('Director of Finance (S151 Officer)')).toEqual([{ post: 'Director of Finance (S151 Officer)' }]);
  });

  test('posts separated by slashes (BTP)', () => {
    expect(parseOwners('Deputy Chief Constable / Head of SDD / FCR')).toEqual([
      { post: 'Deputy Chief Constable' },
      { post: 'Head of SDD' },
      { post: 'FCR' },
    ]);
    expect(parseOwners('ACC Scotland / DCS Crime')).toEqual([{ post: 'ACC Scotland' }, { post: 'DCS Crime' }]);
  });

  test('one post stays one, ranks in brackets and commas included (BTP)', () => {
    for (const cell of [
      'Ch. Supt Mc Bride',
      'Op Magnum Lead (T Supt S Taylor B Division)',
      'Superintendent, Head of CCTV',
      'Home Office (Deputy Chief Constable)',
    ]) {
      expect(parseOwners(cell)).toEqual([{ post: cell }]);
    }
    expect(parseOwners('')).toEqual([]);
  });

  test('a bracket a PDF export cut off is dropped with what it held (BTP "Policing (Hood of")', () => {
    expect(parseOwners('Policing (Hood of')).toEqual([{ post: 'Policing' }]);
    expect(parseOwners('Head of HR) / Home Office (Deputy Chief')).toEqual([
      { post: 'Head of HR' },
      { post: 'Home Office' },
    ]);
  });

  test('a cut-off post is completed by the one post of the plan ending in it, and only then', () => {
    const known = ['College of Policing (Deputy Chief Constable)', 'Home Office (Deputy Chief Constable)', 'Policing'];
    expect(completeClipped('Policing', known)).toBe('College of Policing');
    expect(completeClipped('Policing', [...known, 'Head of Neighbourhood Policing'])).toBe('Policing');
    expect(completeClipped('Finance', known)).toBe('Finance');
  });
});

describe('ownersFromActionText', () => {
  test('owners in brackets at the end of an action', () => {
    expect(ownersFromActionText('Review the training policy (CS&P and HR)')).toEqual({
      text: 'Review the training policy',
      owners: [{ post: 'CS&P' }, { post: 'HR' }],
    });
  });

  test('a list in brackets: semicolons and "and" part posts, a comma parts only one-word posts', () => {
    expect(ownersFromActionText('Dip sample 50 records each month (Borough Commanders; Head of Performance)')).toEqual({
      text: 'Dip sample 50 records each month',
      owners: [{ post: 'Borough Commanders' }, { post: 'Head of Performance' }],
    });
    expect(
      ownersFromActionText('Issue guidance on recording grounds (Commander, Territorial Policing)').owners,
    ).toEqual([{ post: 'Commander, Territorial Policing' }]);
    expect(ownersFromActionText('Agree the protocol (DCC, ACC)').owners).toEqual([{ post: 'DCC' }, { post: 'ACC' }]);
  });

  test('brackets that are not names are left alone', () => {
    for (const text of [
      'Circulated to all OCUs. (Copy attached Appendix A)',
      'used by MPS Quality Assurance Officers(QAO)',
      'Deliver the message (Page 5)',
      'Review the approach (as agreed with partners)',
    ]) {
      expect(ownersFromActionText(text)).toEqual({ text, owners: [] });
    }
  });
});
