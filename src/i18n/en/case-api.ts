// CASE API (src/interop/case/api.ts): imsx_description texts returned to CASE clients.

export const caseApi = {
  caseApiUnknown: (kind: string, id: string) => `No published ${kind} has the identifier ${id}.`,
  caseApiInvalidUuid: (id: string) => `“${id}” is not a UUID.`,
  caseApiBadLimit: "limit must be a whole number from 1 to 10,000.",
  caseApiBadOffset: "offset must be a whole number of 0 or more.",
  caseApiBadSort: (fields: string) => `sort must be one of: ${fields}.`,
  caseApiBadOrderBy: "orderBy must be asc or desc.",
  caseApiFilterUnsupported: "filter is not supported by this service.",
  caseApiEmptyPage: "There are no CFDocuments on this page.",
  caseApiNoEndpoint: "There is no such CASE endpoint.",
  caseApiServerError: "The server could not complete the request.",
  caseApiReadOnly: (method: string) => `This CASE service is read-only: ${method} is not allowed; use GET.`,
} as const;
