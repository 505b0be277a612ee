/** What organisation routes need beyond the request: signing in (src/auth) and sending mail (src/mail). */
import type { AuthService } from "../auth/service.ts";
import type { Mailer } from "../mail/mailer.ts";

export interface PeopleServices {
  auth: AuthService;
  mailer: Mailer;
}
