import { ProblemError } from './problem-error';
import { forbidden, permissions, type RouteContext, type RouteDeps } from './route-context';
import { renderSignedContract } from './signed-contract';

/** `GET /v1/changes/:id/contract.pdf`: the PDF of a signed purchase, for those who see licences. */
export async function signedContractRoute(
  deps: RouteDeps,
  context: RouteContext,
): Promise<Response> {
  if (!permissions(context).viewLicences) throw forbidden('Your role may not see licences.');
  const change = await deps.store.getChange(context.identity.accountId, context.id);
  if (change === null) throw new ProblemError(404, 'not_found', { detail: 'No such change.' });
  if (change.signedAt === null) {
    throw new ProblemError(404, 'not_found', {
      detail: 'This change was not signed: there is no signed contract for it.',
    });
  }
  const { account, pools } = context.state;
  const pdf = await renderSignedContract({
    account,
    poolName: pools.find((pool) => pool.id === change.poolId)?.name ?? change.poolId,
    change,
    now: context.now,
  });
  return new Response(pdf, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="signed-contract-${change.id}.pdf"`,
      'cache-control': 'private, no-store',
    },
  });
}
