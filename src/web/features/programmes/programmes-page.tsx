import { useSession } from '../auth/session-context';
import { CompanyProgrammesPage } from './company-programmes-page';
import { WorkerProgrammesPage } from './worker-programmes-page';

/** /programmes: HR manages the company's programmes; a worker joins or leaves them. */
export function ProgrammesPage() {
  const { active } = useSession();
  return active?.role === 'company_admin' ? <CompanyProgrammesPage /> : <WorkerProgrammesPage />;
}
