import { seatsHandler } from '../../../seats-handler';

// Every request is answered by the kit's fetch handler, mounted at `/api/seats`.
async function handle(request: Request): Promise<Response> {
  const handler = await seatsHandler();
  return handler(request);
}

export const GET = handle;
export const POST = handle;
export const PATCH = handle;
export const DELETE = handle;
