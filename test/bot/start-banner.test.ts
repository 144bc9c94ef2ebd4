import { startBanner } from '../../bot/start-banner';

describe('what npm start prints at a terminal', () => {
  it('names the endpoint and the Playground as the next step in local mode', () => {
    expect(
      startBanner({ MICROSOFT_APP_ID: '', CHASER_DEMO: true, HOST: '127.0.0.1' }, 'http://127.0.0.1:3978'),
    ).toEqual([
      'Chaser is running: http://127.0.0.1:3978/api/messages',
      'Next: in another terminal, npx agentsplayground -e http://127.0.0.1:3978/api/messages -c msteams',
      'then open http://localhost:56150 and type "help" (you are Alex Wilber, the demo plan\'s owner).',
      'WARNING: local mode, nothing is authenticated (development only); listening on 127.0.0.1.',
    ]);
  });

  it('points at the Azure Bot registration when it has an app id', () => {
    const lines = startBanner(
      { MICROSOFT_APP_ID: 'app', CHASER_DEMO: false, HOST: '0.0.0.0' },
      'http://127.0.0.1:3978',
    );
    expect(lines[1]).toContain("Azure Bot's messaging endpoint");
  });
});
