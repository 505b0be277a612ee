/**
 * Decisions about an organisation's resources (decision 024): the organisation itself, its people
 * and their records. The decision takes the actor's standing in the resource's organisation and,
 * for a person, the manager chain above that person; nothing else decides.
 *
 * Roles in an organisation:
 *   - administrator (HR): a stored role (organisation_roles); sees and manages everyone there.
 *   - manager: follows from the manager lines; sees their direct and indirect reports.
 *   - staff: a person of the organisation; sees their own record.
 * An instance administrator manages organisations (creates them, appoints their administrators) but
 * sees nobody's record unless they are also that organisation's administrator.
 */
import type { Actor } from "./actor.ts";

/** The actor's standing in one organisation, as src/people loads it for a request. */
export interface Membership {
  organisationId: string;
  /** Holds the organisation administrator (HR) role. */
  administrator: boolean;
  /** The person the account is in this organisation (null if none, or if that person has left). */
  personId: string | null;
  /** Someone in the organisation has this person as their manager. */
  hasReports: boolean;
  /** The job profile this person holds (issue 14); absent or null when none. */
  positionProfileId?: string | null;
}

/** An actor deciding about an organisation's resource: the account, and its standing there. */
export interface OrganisationActor extends Actor {
  /** The membership in the resource's organisation; null when the account has none there. */
  membership: Membership | null;
}

export type OrganisationResource =
  | { kind: "organisation"; organisationId: string }
  | {
      kind: "person";
      organisationId: string;
      personId: string;
      /** The person's managers, nearest first (src/people/manager-lines.ts). */
      managerChain: readonly string[];
    }
  /** A job profile of the organisation (issue 14). */
  | { kind: "profile"; organisationId: string; profileId: string }
  /**
   * A person's assessment in a review cycle (issue 15): whose it is, their managers nearest first,
   * and the reviewing manager the assessment names (who may no longer be in the chain after a move).
   */
  | {
      kind: "assessment";
      organisationId: string;
      personId: string;
      managerChain: readonly string[];
      reviewerId: string | null;
    };

export type OrganisationAction =
  /** See the organisation exists: its name, its units, its privacy notice. */
  | "organisation.read"
  /** Settings, units, people, roles, imports, invitations, single sign-on, exports, deletion. */
  | "organisation.administer"
  /** Appoint or remove organisation administrators. */
  | "organisation.roles"
  /** Read the list of people (administrators: everyone; managers: their team only). */
  | "people.list"
  /** A manager's team pages. */
  | "team.read"
  /** A person's record (viewing another person's is written to the access log). */
  | "person.read"
  | "person.edit"
  /** Everything held about a person, as a download. */
  | "person.export"
  /** Who viewed this person's record. */
  | "person.accessLog"
  /** The organisation's proficiency scale and its level descriptors (everyone there reads them). */
  | "scale.read"
  /** Choose or define the organisation's scale; write per-competency level descriptors. */
  | "scale.edit"
  /** The list of the organisation's job profiles and postings (administrators and managers). */
  | "profiles.list"
  /** One job profile: administrators and managers; a person reads the profile of their own position. */
  | "profile.read"
  /** Create, edit, copy, delete profiles and their postings (administrators and managers). */
  | "profile.edit"
  /** Open, extend, close and reopen review cycles; follow their progress (administrators). */
  | "cycles.manage"
  /** An assessment: the person, their managers up the chain, its reviewer, the administrators. */
  | "assessment.read"
  /** Rate oneself, comment, add evidence, submit, sign off: the person only. */
  | "assessment.self"
  /** Review, agree levels, record the conversation, sign off: the assessment's reviewer. */
  | "assessment.review"
  /** The "waiting for you" list: everyone of the organisation (each sees only their own tasks). */
  | "tasks.read"
  /** Choose how one's own reminders come (each, or a weekly digest): a person of the organisation. */
  | "reminders.self"
  /** The organisation's learning resources catalogue: everyone of the organisation reads it. */
  | "learning.read"
  /** Add, edit, tag, import and delete learning resources: administrators (HR) and managers. */
  | "learning.edit"
  /** A person's insights (agreed levels against targets, across cycles): the person, their managers, HR. */
  | "insights.person"
  /** A manager's team heatmap and ranked gaps, over their own reports only. */
  | "insights.team"
  /**
   * The organisation's training priorities, distributions and trends: HR and managers. Figures over
   * fewer than 5 people the viewer may not see individually are suppressed (decision 042).
   */
  | "insights.organisation"
  /** Readiness against a chosen profile's targets, for succession planning: HR only. */
  | "insights.readiness"
  /** A person's development plans: the person, their managers up the chain, HR. */
  | "plan.read"
  /** Write one's own plan (goals, activities, status), submit it for approval: the person only. */
  | "plan.edit"
  /** Approve (or send back) a person's plan: their managers up the chain. */
  | "plan.approve"
  /** Record a check-in on a plan's progress: the person and their managers. */
  | "plan.checkin";

/** Instance-wide actions about organisations. */
export type InstanceOrganisationAction = "organisations.manage";

const inOrganisation = (actor: OrganisationActor, resource: OrganisationResource): Membership | null =>
  actor.membership && actor.membership.organisationId === resource.organisationId ? actor.membership : null;

const isInstanceAdministrator = (actor: OrganisationActor) => actor.role === "administrator";
const administers = (actor: OrganisationActor, resource: OrganisationResource) =>
  inOrganisation(actor, resource)?.administrator === true;

const aboutPerson = (resource: OrganisationResource) => resource.kind === "person" || resource.kind === "assessment";

/** The person themself (the record's, or the assessment's person). */
const isSelf = (actor: OrganisationActor, resource: OrganisationResource) => {
  const membership = inOrganisation(actor, resource);
  return (
    aboutPerson(resource) &&
    membership?.personId != null &&
    membership.personId === (resource as { personId: string }).personId
  );
};

/** The assessment's reviewing manager (not the person themself). */
const reviews = (actor: OrganisationActor, resource: OrganisationResource) => {
  const membership = inOrganisation(actor, resource);
  return (
    resource.kind === "assessment" &&
    membership?.personId != null &&
    membership.personId !== resource.personId &&
    resource.reviewerId === membership.personId
  );
};

/** One of the person's managers, direct or indirect. */
const managesPerson = (actor: OrganisationActor, resource: OrganisationResource) => {
  const membership = inOrganisation(actor, resource);
  return (
    (resource.kind === "person" || resource.kind === "assessment") &&
    membership?.personId != null &&
    membership.personId !== resource.personId &&
    resource.managerChain.includes(membership.personId)
  );
};

const isManager = (actor: OrganisationActor, resource: OrganisationResource) => {
  const membership = inOrganisation(actor, resource);
  return membership?.personId != null && membership.hasReports;
};

const isMember = (actor: OrganisationActor, resource: OrganisationResource) => {
  const membership = inOrganisation(actor, resource);
  return membership !== null && (membership.administrator || membership.personId !== null);
};

/** The actor holds the job profile asked about (their position). */
const holdsProfile = (actor: OrganisationActor, resource: OrganisationResource) => {
  const membership = inOrganisation(actor, resource);
  return (
    resource.kind === "profile" &&
    membership?.personId != null &&
    membership.positionProfileId != null &&
    membership.positionProfileId === resource.profileId
  );
};

type Rule = (actor: OrganisationActor, resource: OrganisationResource) => boolean;

const rules: Record<OrganisationAction, Rule> = {
  "organisation.read": (a, r) => isMember(a, r) || isInstanceAdministrator(a),
  "organisation.administer": administers,
  "organisation.roles": (a, r) => administers(a, r) || isInstanceAdministrator(a),
  "people.list": (a, r) => administers(a, r) || isManager(a, r),
  "team.read": isManager,
  "person.read": (a, r) => administers(a, r) || isSelf(a, r) || managesPerson(a, r),
  "person.edit": administers,
  "person.export": (a, r) => administers(a, r) || isSelf(a, r),
  "person.accessLog": (a, r) => administers(a, r) || isSelf(a, r),
  "scale.read": isMember,
  "scale.edit": administers,
  "profiles.list": (a, r) => administers(a, r) || isManager(a, r),
  "profile.read": (a, r) => administers(a, r) || isManager(a, r) || holdsProfile(a, r),
  "profile.edit": (a, r) => administers(a, r) || isManager(a, r),
  "cycles.manage": administers,
  "assessment.read": (a, r) => administers(a, r) || isSelf(a, r) || managesPerson(a, r) || reviews(a, r),
  "assessment.self": isSelf,
  "assessment.review": reviews,
  "tasks.read": isMember,
  "reminders.self": (a, r) => inOrganisation(a, r)?.personId != null,
  "learning.read": isMember,
  "learning.edit": (a, r) => administers(a, r) || isManager(a, r),
  "insights.person": (a, r) => administers(a, r) || isSelf(a, r) || managesPerson(a, r),
  "insights.team": isManager,
  "insights.organisation": (a, r) => administers(a, r) || isManager(a, r),
  "insights.readiness": administers,
  "plan.read": (a, r) => administers(a, r) || isSelf(a, r) || managesPerson(a, r),
  "plan.edit": isSelf,
  "plan.approve": managesPerson,
  "plan.checkin": (a, r) => isSelf(a, r) || managesPerson(a, r),
};

/** Actions whose resource must be a person: asked about an organisation, they are refused. */
const PERSON_ACTIONS = new Set<OrganisationAction>([
  "person.read",
  "person.edit",
  "person.export",
  "person.accessLog",
  "insights.person",
  "plan.read",
  "plan.edit",
  "plan.approve",
  "plan.checkin",
]);
/** Actions whose resource must be an assessment. */
const ASSESSMENT_ACTIONS = new Set<OrganisationAction>(["assessment.read", "assessment.self", "assessment.review"]);

export function canInOrganisation(
  actor: OrganisationActor | null,
  action: OrganisationAction,
  resource: OrganisationResource,
): boolean {
  if (actor === null) return false;
  if (PERSON_ACTIONS.has(action) && resource.kind !== "person") return false;
  if (ASSESSMENT_ACTIONS.has(action) && resource.kind !== "assessment") return false;
  return rules[action](actor, resource);
}

/** Whether viewing this resource is a view of another person's record, which the access log keeps. */
export function isAnotherPersonsRecord(actor: OrganisationActor, resource: OrganisationResource): boolean {
  return aboutPerson(resource) && !isSelf(actor, resource);
}
