/** How large a staff file may be (pages and the command line): 5,000 staff are about 1 MB as CSV. */
export const MAX_STAFF_FILE_MB = 10;
export const MAX_STAFF_FILE_BYTES = MAX_STAFF_FILE_MB * 1024 * 1024;
