/**
 * The board tab app. One page serves every view, chosen by path: /tab/board (channel tab; in a meeting's
 * side panel it shows the meeting view), /tab/meeting, /tab/me (personal tab), /tab/config (settings).
 */
import {
  FluentProvider,
  Spinner,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  Text,
} from '@fluentui/react-components';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { openedAction } from '../../bot/tab/contract';
import { signInAsDeveloper, signInWithTeams } from './api';
import { connect, type Host, type ThemeName } from './teams';
import { BoardView } from './views/board';
import { ConfigPage } from './views/config';
import { MeetingPanel } from './views/meeting';
import { MyActions } from './views/mine';
import { DeveloperSignIn } from './views/sign-in';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };
const DEVELOPER_KEY = 'chaser.developer';

function App() {
  const [host, setHost] = useState<Host | null>(null);
  const [theme, setTheme] = useState<ThemeName>('default');
  const [developer, setDeveloper] = useState<string | null>(() => localStorage.getItem(DEVELOPER_KEY));
  useEffect(() => {
    connect(setTheme).then((h) => {
      if (h.inTeams) signInWithTeams();
      setTheme(h.theme);
      setHost(h);
    });
  }, []);
  if (!host) return <Spinner label="Starting" />;
  const signedIn = host.inTeams || developer;
  if (!host.inTeams && developer) signInAsDeveloper(developer);
  return (
    <FluentProvider theme={THEMES[theme]} style={{ minHeight: '100vh' }}>
      {signedIn ? (
        <View host={host} />
      ) : (
        <DeveloperSignIn
          onSignIn={(id) => {
            localStorage.setItem(DEVELOPER_KEY, id);
            setDeveloper(id);
          }}
        />
      )}
    </FluentProvider>
  );
}

function View({ host }: { host: Host }) {
  const path = location.pathname.replace(/\/+$/, '');
  const params = new URLSearchParams(location.search);
  const board = params.get('board') ?? '';
  // A deep link from a card names the action in Teams' context; a browser has the same as ?action=.
  const opened = openedAction.safeParse(host.subPageId ?? params.get('action') ?? undefined);
  if (path.endsWith('/config') || host.frameContext === 'settings') return <ConfigPage inTeams={host.inTeams} />;
  if (path.endsWith('/me')) return <MyActions />;
  if (!board) return <Text>Choose a board in the tab's settings.</Text>;
  if (path.endsWith('/meeting') || host.frameContext === 'sidePanel') return <MeetingPanel boardKey={board} />;
  return <BoardView boardKey={board} openAction={opened.success ? opened.data : null} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
