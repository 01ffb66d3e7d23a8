// Uploads a media file with the GraphQL multipart request protocol, through XMLHttpRequest
// because fetch reports no upload progress. The types and sizes the server accepts are
// checked first, so a refused file is named before it is sent.

import { print } from "graphql";

import { graphql } from "../gql";
import { apiHeaders } from "./client";
import type { ApiError } from "./session";

export const ACCEPTED: Record<string, { kind: "image" | "document"; max: number }> = {
  "image/jpeg": { kind: "image", max: 15 * 1024 * 1024 },
  "image/png": { kind: "image", max: 15 * 1024 * 1024 },
  "image/webp": { kind: "image", max: 15 * 1024 * 1024 },
  "image/gif": { kind: "image", max: 15 * 1024 * 1024 },
  "application/pdf": { kind: "document", max: 30 * 1024 * 1024 },
};

/** Why `file` would be refused ("type" or "size"), or null. */
export function refusal(file: File): { reason: "type" | "size"; max?: number } | null {
  const rule = ACCEPTED[file.type];
  if (!rule) return { reason: "type" };
  if (file.size > rule.max) return { reason: "size", max: rule.max };
  return null;
}

const Upload = graphql(`
  mutation Upload($input: UploadMediaInput!) {
    uploadMedia(input: $input) {
      mediaItem {
        id
        url
        altUk
      }
    }
  }
`);

export interface Uploaded {
  id: string;
  url: string;
  altUk: string;
}

/** A GraphQL operation with files as the multipart request protocol's body: each file goes
 * to the variable path it names, `variables.input.documents.0.file`. */
function multipartBody(query: string, variables: Record<string, unknown>, files: { path: string; file: File }[]): FormData {
  const form = new FormData();
  form.append("operations", JSON.stringify({ query, variables }));
  form.append("map", JSON.stringify(Object.fromEntries(files.map((f, i) => [String(i), [f.path]]))));
  files.forEach((f, i) => form.append(String(i), f.file, f.file.name));
  return form;
}

/** Sends a GraphQL operation with files (no progress; `uploadMedia` reports it). */
export function multipartGraphql<T>(
  tenant: string,
  query: string,
  variables: Record<string, unknown>,
  files: { path: string; file: File }[],
): Promise<{ data: T | null; errors: ApiError[] }> {
  const form = multipartBody(query, variables, files);
  return fetch("/graphql", { method: "POST", headers: apiHeaders(tenant), body: form, credentials: "same-origin" })
    .then(async (r) => {
      const body = (await r.json()) as { data?: T | null; errors?: ApiError[] };
      return { data: body.data ?? null, errors: body.errors ?? [] };
    })
    .catch(() => ({ data: null, errors: [{ message: "network", extensions: { code: "NETWORK" } }] }));
}

export function uploadMedia(
  tenant: string,
  file: File,
  alt: { altUk: string; altEn: string; title: string },
  onProgress: (fraction: number) => void,
): Promise<{ media: Uploaded | null; errors: ApiError[] }> {
  const form = multipartBody(print(Upload), { input: { file: null, ...alt } }, [{ path: "variables.input.file", file }]);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/graphql");
    for (const [k, v] of Object.entries(apiHeaders(tenant))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as {
          data?: { uploadMedia?: { mediaItem: Uploaded } };
          errors?: ApiError[];
        };
        resolve({ media: body.data?.uploadMedia?.mediaItem ?? null, errors: body.errors ?? [] });
      } catch {
        resolve({ media: null, errors: [{ message: `HTTP ${xhr.status}` }] });
      }
    };
    xhr.onerror = () => resolve({ media: null, errors: [{ message: "network" , extensions: { code: "NETWORK" } }] });
    xhr.send(form);
  });
}
