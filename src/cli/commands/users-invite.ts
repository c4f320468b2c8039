import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config';
import { recordAuditEvent } from '../../db/audit.repository';
import { createInvitation } from '../../db/invitations.repository';
import { isRoleAllowedIn, roles, type Role } from '../../domain/shared/organizations';
import { CliError } from '../cli-errors';
import { openMigratedDb } from '../open-db';

const emailSchema = z.email();

/**
 * The operator's way in: invites a person into an organisation (for example the first
 * coordinator of a fresh installation) and prints the link to pass on.
 */
export function registerUsersInvite(users: Command): void {
  users
    .command('invite')
    .description('Invite a person into an organisation and print the acceptance link')
    .requiredOption('--email <email>', 'address of the person to invite')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .requiredOption('--org <idOrCode>', 'organisation id, or local-government code')
    .action(async (opts: { email: string; role: string; org: string }) => {
      if (!emailSchema.safeParse(opts.email).success)
        throw new CliError(`--email: not an email address: ${opts.email}`);
      if (!(roles as readonly string[]).includes(opts.role)) {
        throw new CliError(`--role: must be one of ${roles.join(', ')} (got "${opts.role}")`);
      }
      const role = opts.role as Role;
      const config = loadConfig();
      const handle = await openMigratedDb(config);
      try {
        const org = await handle.db
          .selectFrom('organizations')
          .select(['id', 'kind', 'name'])
          .where((eb) =>
            /^[0-9]{6}$/.test(opts.org) ? eb('lg_code', '=', opts.org) : eb('id', '=', opts.org),
          )
          .executeTakeFirst();
        if (!org) throw new CliError(`--org: no organisation ${opts.org}`);
        if (!isRoleAllowedIn(org.kind, role))
          throw new CliError(`--role: a ${org.kind} has no ${role} role`);
        const { token, invitation } = await handle.db.transaction().execute(async (trx) => {
          const created = await createInvitation(trx, {
            organizationId: org.id,
            email: opts.email,
            role,
            invitedBy: null,
            nowMs: Date.now(),
          });
          await recordAuditEvent(trx, {
            event: 'invitation_created',
            actorUserId: null,
            organizationId: org.id,
            subject: opts.email.toLowerCase(),
            ip: null,
            requestId: null,
            details: { role, invitationId: created.invitation.id, via: 'cli' },
          });
          return created;
        });
        console.log(
          `Invited ${invitation.email} as ${role} of ${org.name} (expires ${invitation.expiresAt}).`,
        );
        console.log(`${config.publicUrl}/invitations/${token}`);
      } finally {
        await handle.close();
      }
    });
}
