/** The deep link from a card to the board tab opened on one action. */
import { boardViewButton, boardViewUrl } from '../../cards/board-link';

const TAB = { appId: '0b6c6f7e-1d2a-4c3b-9e8f-112233445566', boardKey: 'ICB', channelId: '19:general@thread.tacv2' };

it("names the app, the board tab's entity and, in its context, the action and the channel", () => {
  const url = boardViewUrl(TAB, 'cmaction1');
  expect(url).toBe(
    'https://teams.microsoft.com/l/entity/0b6c6f7e-1d2a-4c3b-9e8f-112233445566/board-ICB?context=' +
      '%7B%22subEntityId%22%3A%22cmaction1%22%2C%22channelId%22%3A%2219%3Ageneral%40thread.tacv2%22%7D',
  );
  expect(JSON.parse(new URL(url).searchParams.get('context')!)).toEqual({
    subEntityId: 'cmaction1',
    channelId: '19:general@thread.tacv2',
  });
});

it('encodes what would end a Markdown link or break the path', () => {
  const url = boardViewUrl({ ...TAB, boardKey: 'A/B (C)', channelId: '19:x(y)@thread.tacv2' }, 'id');
  expect(url).not.toMatch(/[()\s]/);
  expect(new URL(url).pathname.split('/')[4]).toBe('board-A%2FB%20%28C%29');
  expect(JSON.parse(new URL(url).searchParams.get('context')!).channelId).toBe('19:x(y)@thread.tacv2');
});

it('is a button to open the URL where the tab can be reached, and nothing where it cannot', () => {
  expect(boardViewButton(TAB, 'cmaction1')).toEqual([
    { type: 'Action.OpenUrl', title: 'Open in board view', url: boardViewUrl(TAB, 'cmaction1') },
  ]);
  expect(boardViewButton(null, 'cmaction1')).toEqual([]);
});
