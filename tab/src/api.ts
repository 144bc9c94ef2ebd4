/**
 * Calls to Chaser's /api/tab, signed in with the Teams SSO token or (local mode only) the developer
 * sign-in, each answer checked against the contract the server shapes it with.
 */
import type { z } from 'zod';
import { errorAnswer } from '../../bot/tab/contract';
import { ssoToken } from './teams';

let authorization: () => Promise<string> = async () => '';

export function signInWithTeams(): void {
  authorization = async () => `Bearer ${await ssoToken()}`;
}

export function signInAsDeveloper(personId: string): void {
  authorization = async () => `Developer ${personId}`;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = {
    authorization: await authorization(),
    ...(init.body ? { 'content-type': 'application/json' } : {}),
  };
  return fetch(`/api/tab${path}`, { ...init, headers });
}

async function refusal(res: Response): Promise<ApiError> {
  const body = errorAnswer.safeParse(await res.json().catch(() => null));
  return new ApiError(
    res.status,
    body.success ? body.data.error : `Chaser answered ${res.status}`,
    body.success ? body.data.field : undefined,
  );
}

export async function get<T extends z.ZodTypeAny>(path: string, schema: T): Promise<z.infer<T>> {
  const res = await call(path);
  if (!res.ok) throw await refusal(res);
  return schema.parse(await res.json());
}

/**
 * A write: field errors (400 with `errors`) and conflicts (409 with the fresh action) are answers the
 * form shows, so they come back parsed like a success; other refusals throw.
 */
export async function post<T extends z.ZodTypeAny>(path: string, body: unknown, schema: T): Promise<z.infer<T>> {
  const res = await call(path, { method: 'POST', body: JSON.stringify(body) });
  const json = await res.json().catch(() => null);
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const error = errorAnswer.safeParse(json);
  throw new ApiError(
    res.status,
    error.success ? error.data.error : `Chaser answered ${res.status}`,
    error.success ? error.data.field : undefined,
  );
}

/** A file download (the board pack): fetched with the sign-in, then saved through a link. */
export async function download(path: string, fileName: string): Promise<void> {
  const res = await call(path);
  if (!res.ok) throw await refusal(res);
  const url = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
