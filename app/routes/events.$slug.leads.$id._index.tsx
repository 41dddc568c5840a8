import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { LeadFacts, LeadHistory, LeadVacancy } from "~/components/booth/lead-facts";
import { FollowUpForms, LeadNotes, LeadPrivacy } from "~/components/booth/lead-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocale, useT } from "~/components/i18n";
import { pageTitle } from "~/components/page-title";
import {
  EraseLeadSchema,
  LeadNoteSchema,
  LeadOwnerSchema,
  LeadStatusSchema,
  leadFollowUpSchema,
} from "~/domain/booth/follow-up-schema";
import { isoDay } from "~/domain/dates";
import type { MessageKey } from "~/i18n/en";
import { stageLabel } from "~/i18n/follow-up-text";
import { formatDate } from "~/i18n/locales";
import { addLeadNote } from "~/services/booth/add-lead-note.server";
import { assignLeadOwner } from "~/services/booth/assign-lead-owner.server";
import { changeLeadStatus } from "~/services/booth/change-lead-status.server";
import { eraseLead } from "~/services/booth/erase-lead.server";
import { getLead } from "~/services/booth/get-lead.server";
import { setLeadFollowUp } from "~/services/booth/set-lead-follow-up.server";
import { throwAsResponse } from "~/web/errors.server";
import { setFlash } from "~/web/flash.server";
import { handleForm } from "~/web/forms.server";
import { requireSignedIn } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "follow.lead_title");

/** One lead for the event's staff and the ministry's administrators (anyone else, or another event's lead: 404). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const { event, staff, item, history } = await getLead(context.deps, actor, params.slug ?? "", params.id ?? "").catch(
    throwAsResponse,
  );
  const { lead } = item;
  return {
    today: isoDay(context.deps.now()),
    event: { slug: event.slug, name: event.name },
    lead: {
      id: lead.id,
      source: lead.source,
      capturedAt: lead.capturedAt,
      receivedAt: lead.receivedAt,
      locale: lead.locale,
      name: lead.name,
      company: lead.company,
      jobTitle: lead.jobTitle,
      email: lead.email,
      phone: lead.phone,
      country: lead.country,
      website: lead.website,
      consentContact: lead.consentContact,
      consentShare: lead.consentShare,
      consentVersion: lead.consentVersion,
      vacancy: lead.vacancy,
      status: lead.status,
      ownerId: lead.ownerId,
      followUpOn: lead.followUpOn,
      erasedAt: lead.erasedAt,
    },
    stage: item.stage,
    overdue: item.overdue,
    order: item.orderState ? { state: item.orderState, reference: item.orderReference } : null,
    ownerName: item.ownerName,
    staff: staff.map((s) => ({ userId: s.userId, name: s.name, orgName: s.orgName })),
    history: history.map((h) => ({
      id: h.id,
      kind: h.kind,
      detail: h.detail,
      note: h.note,
      actorName: h.actorName,
      at: h.at,
    })),
  };
}

const FLASH: Record<string, MessageKey> = {
  status: "follow.status_saved",
  owner: "follow.owner_saved",
  "follow-up": "follow.follow_up_saved",
  note: "follow.note_saved",
  erase: "follow.erased_flash",
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request, context);
  const slug = params.slug ?? "";
  const id = params.id ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const deps = context.deps;
  const done = async () =>
    redirect(`/events/${slug}/leads/${id}`, { headers: { "Set-Cookie": await setFlash(context, FLASH[intent]!) } });
  const shown = ["invalid", "conflict"] as const;
  try {
    switch (intent) {
      case "status":
        return await handleForm(
          formData,
          LeadStatusSchema,
          { intent },
          async (v) => {
            await changeLeadStatus(deps, actor, slug, id, v);
            return done();
          },
          shown,
        );
      case "owner":
        return await handleForm(
          formData,
          LeadOwnerSchema,
          { intent },
          async (v) => {
            await assignLeadOwner(deps, actor, slug, id, v);
            return done();
          },
          shown,
        );
      case "follow-up":
        return await handleForm(
          formData,
          leadFollowUpSchema(isoDay(deps.now())),
          { intent },
          async (v) => {
            await setLeadFollowUp(deps, actor, slug, id, v);
            return done();
          },
          shown,
        );
      case "note":
        return await handleForm(
          formData,
          LeadNoteSchema,
          { intent },
          async (v) => {
            await addLeadNote(deps, actor, slug, id, v);
            return done();
          },
          shown,
        );
      case "erase":
        return await handleForm(
          formData,
          EraseLeadSchema,
          { intent },
          async () => {
            await eraseLead(deps, actor, slug, id);
            return done();
          },
          shown,
        );
      default:
        throw new Response("errors.invalid", { status: 400 });
    }
  } catch (e) {
    return throwAsResponse(e);
  }
}

export default function LeadPage() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { event, lead, stage, overdue, order } = data;
  const last = (intent: string) =>
    actionData && "intent" in actionData && actionData.intent === intent && "result" in actionData
      ? actionData.result
      : undefined;
  const erased = lead.erasedAt !== null;
  return (
    <div className="narrow-wide">
      <p>
        <Link to={`/events/${event.slug}/leads`}>{t("follow.back_list", { event: event.name })}</Link>
      </p>
      <h1>
        {erased ? t("follow.erased") : t("follow.lead_heading", { company: lead.company ?? "", name: lead.name ?? "" })}
      </h1>
      <p className="meta">
        <span className={`status stage-${stage}`}>{stageLabel(locale, stage)}</span>
        {overdue && lead.followUpOn ? (
          <>
            {" "}
            <strong className="overdue-flag">
              {t("follow.overdue_since", { date: formatDate(locale, lead.followUpOn) })}
            </strong>
          </>
        ) : null}
      </p>
      {erased ? <p className="notice">{t("follow.erased_note")}</p> : null}
      {order ? (
        <p className="notice">
          {t("follow.order_drives", { reference: order.reference ?? "", state: t(`state.${order.state}`) })}
        </p>
      ) : null}
      {!erased && !order ? (
        // the invitation to post a job order (decision 019, "Invitation")
        <p className="actions" data-slot="lead-invite">
          <Link className="button" to={`/events/${event.slug}/leads/${lead.id}/invite`}>
            {t("follow.invite")}
          </Link>
        </p>
      ) : null}

      <LeadFacts lead={lead} />
      <LeadVacancy vacancy={lead.vacancy} />
      {erased ? null : (
        <FollowUpForms
          today={data.today}
          lead={lead}
          staff={data.staff}
          ownerName={data.ownerName}
          orderDrives={order !== null}
          last={last}
        />
      )}
      <LeadNotes history={data.history} erased={erased} lastResult={last("note")} />
      <LeadHistory history={data.history} staff={data.staff} />
      <LeadPrivacy slug={event.slug} leadId={lead.id} erased={erased} lastResult={last("erase")} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary back={{ to: "/dashboard", labelKey: "follow.back_dashboard" }} />;
}
