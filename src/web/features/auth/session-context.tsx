import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { MeResponse, MembershipView } from '../../../contracts/auth';
import { navigationFor, type Navigation } from '../navigation/navigation';

const activeOrganizationKey = 'tsunagu.activeOrganization';

function readRememberedOrganization(): string | null {
  try {
    return window.localStorage.getItem(activeOrganizationKey);
  } catch {
    return null;
  }
}

export type Session = {
  me: MeResponse;
  navigation: Navigation;
  /** Shorthand for navigation.active. */
  active: MembershipView | null;
  selectOrganization: (organizationId: string) => void;
};

const SessionContext = createContext<Session | null>(null);

/** Provides the signed-in person and the membership they are acting in to the signed-in pages. */
export function SessionProvider({ me, children }: { me: MeResponse; children: ReactNode }) {
  const [preferred, setPreferred] = useState<string | null>(readRememberedOrganization);
  const selectOrganization = useCallback((organizationId: string) => {
    setPreferred(organizationId);
    try {
      window.localStorage.setItem(activeOrganizationKey, organizationId);
    } catch {
      // Only this visit remembers the choice.
    }
  }, []);
  const value = useMemo<Session>(() => {
    const navigation = navigationFor(me, preferred);
    return { me, navigation, active: navigation.active, selectOrganization };
  }, [me, preferred, selectOrganization]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session of a signed-in page; only pages under the signed-in layout may call this. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside the signed-in layout');
  return session;
}
