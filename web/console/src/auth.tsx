import { requestToken, revokeToken } from '@tessera/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { onSessionExpired, setToken } from './api';

export interface Session {
  username: string;
  expiresAt: number;
}
interface AuthState {
  session: Session | undefined;
  /** Why the last session ended on its own ('expired'), shown on the login screen. */
  ended: 'expired' | undefined;
  login(username: string, password: string): Promise<string | undefined>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>();
  const [ended, setEnded] = useState<'expired'>();
  const tokenRef = useRef<string | undefined>(undefined);
  const queryClient = useQueryClient();

  const clear = useCallback(
    (reason?: 'expired') => {
      tokenRef.current = undefined;
      setToken(undefined);
      setSession(undefined);
      setEnded(reason);
      queryClient.clear();
    },
    [queryClient],
  );

  useEffect(() => onSessionExpired(() => clear('expired')), [clear]);
  // The token's own lifetime: the console logs out when it ends rather than failing request after request.
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => clear('expired'), Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session, clear]);

  const login = async (username: string, password: string) => {
    const answer = await requestToken({ grantType: 'password', username, password });
    if (!answer.ok) return answer.message;
    tokenRef.current = answer.token.access_token;
    setToken(answer.token.access_token);
    setEnded(undefined);
    setSession({ username, expiresAt: Date.now() + answer.token.expires_in * 1000 });
    return undefined;
  };
  const logout = async () => {
    const token = tokenRef.current;
    clear();
    if (token) await revokeToken(token).catch(() => undefined);
  };
  return <AuthContext.Provider value={{ session, ended, login, logout }}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
