import { CASE_STATUSES, type CaseStatus, type Language } from '@app/contracts';
import { textField, notes, describedBy, labelText } from '../../page/views/form-fields.view';
import { markup, type SafeHtml } from '../../page/views/html';
import { layout } from '../../page/views/layout.view';
import { PAGE_TEXTS } from '../../page/i18n/page-texts';
import type { TrackStatus, Verification } from '../dto/track-status';
import { TRACK_TEXTS } from '../i18n/track-texts';
import { COMMENT_MAX, type TrackValues } from '../track-form';
import { formatDay, formatWhen } from './dates';

export interface TrackView {
  lang: Language;
  timeZone: string;
  /** The look-up form as typed, with a message per wrong field. */
  values: TrackValues;
  errors: Record<string, string[]>;
  banner?: { kind: 'ok' | 'warn'; text: string };
  /** The case, once reference and factor matched. */
  status?: TrackStatus;
  verification?: Verification;
  /** Values and messages of the agreement or survey form, when its answer was refused. */
  answer?: { comment?: string; score?: number; errors: Record<string, string[]> };
}

export function statusLabel(lang: Language, status: string): string {
  return (CASE_STATUSES as readonly string[]).includes(status)
    ? TRACK_TEXTS[lang].statuses[status as CaseStatus]
    : status;
}

export function trackPage(view: TrackView): string {
  const t = TRACK_TEXTS[view.lang];
  const banner =
    view.banner &&
    markup`<div
      class="banner ${view.banner.kind}"
      role="${view.banner.kind === 'ok' ? 'status' : 'alert'}"
      id="banner"
    >
      ${view.banner.text}
    </div>`;
  const body =
    view.status && view.verification
      ? markup`<h1>${t.title}</h1>
          ${banner}${statusSection(view, view.status, view.verification)}
          <p class="actions">
            <a href="/track?lang=${view.lang}">${t.another}</a
            ><a href="/?lang=${view.lang}">${t.newFeedback}</a>
          </p>`
      : markup`<h1>${t.title}</h1>
          <p class="lead">${t.intro}</p>
          ${banner}${lookUpForm(view)}
          <p class="actions"><a href="/?lang=${view.lang}">${t.newFeedback}</a></p>`;
  return layout({ lang: view.lang, title: t.title, body, path: '/track' });
}

function lookUpForm(view: TrackView): SafeHtml {
  const t = TRACK_TEXTS[view.lang];
  const common = { requiredText: PAGE_TEXTS[view.lang].requiredMark };
  return markup`<form
    method="post"
    action="/track?lang=${view.lang}"
    class="card"
    novalidate
    id="lookup"
  >
    ${textField({ ...common, id: 'reference', label: t.reference, value: view.values.reference, errors: view.errors.reference, hint: t.referenceHint, required: true, autocomplete: 'off', maxlength: 40 })}
    ${textField({ ...common, id: 'verify', label: t.verify, value: view.values.verify, errors: view.errors.verify, hint: t.verifyHint, required: true, autocomplete: 'off', maxlength: 254 })}
    <button type="submit">${t.show}</button>
  </form>`;
}

function statusSection(view: TrackView, s: TrackStatus, v: Verification): SafeHtml {
  const t = TRACK_TEXTS[view.lang];
  const when = (value: string) => formatWhen(value, view.lang, view.timeZone);
  const day = (value: string) => formatDay(value, view.lang, view.timeZone);
  const timeline = s.timeline.map(
    (step) =>
      markup`<li>
        <span class="step-status">${statusLabel(view.lang, step.status)}</span>
        <time datetime="${step.at}">${when(step.at)}</time>
      </li>`,
  );
  return markup`<section class="card" aria-labelledby="case-title" id="case">
      <p class="label">${t.reference}</p>
      <p class="reference" id="case-title">${s.reference}</p>
      <p class="label">${t.currentStatus}</p>
      <p class="status status-${s.status}" id="status">${statusLabel(view.lang, s.status)}</p>
      <dl class="facts">
        <dt>${t.openedAt}</dt>
        <dd>${when(s.openedAt)}</dd>
        ${
          s.resolutionDueAt &&
          markup`<dt>${t.resolutionDueAt}</dt>
            <dd id="due">${day(s.resolutionDueAt)}</dd>`
        }
        ${
          s.newResolutionDate &&
          markup`<dt>${t.newResolutionDate}</dt>
            <dd id="new-date">${day(s.newResolutionDate)}</dd>`
        }
        ${
          s.delayReason &&
          markup`<dt>${t.delayReason}</dt>
            <dd id="delay-reason">${s.delayReason}</dd>`
        }
      </dl>
      ${
        timeline.length > 0 &&
        markup`<h2>${t.timeline}</h2>
          <ol class="timeline" id="timeline">
            ${timeline}
          </ol>`
      }
    </section>
    ${s.awaitingAgreement && agreementForm(view, v)} ${s.surveyOpen && surveyForm(view, v)}`;
}

/** The reference and factor ride along in the answer forms: the page keeps no session. */
function hiddenVerification(v: Verification): SafeHtml {
  return markup`<input type="hidden" name="reference" value="${v.reference}" /><input
      type="hidden"
      name="verify"
      value="${v.verify}"
    />`;
}

function commentField(view: TrackView, id: string, label: string): SafeHtml {
  const t = TRACK_TEXTS[view.lang];
  const errors = view.answer?.errors.comment;
  const { ids, parts } = notes({ id, errors });
  return markup`<div class="field${errors ? ' has-error' : ''}">
    <label for="${id}">${labelText({ label, optionalText: t.comment, requiredText: '' })}</label>
    ${parts}
    <textarea id="${id}" name="comment" rows="3" maxlength="${COMMENT_MAX}" ${describedBy(ids)}>
${view.answer?.comment ?? ''}</textarea>
  </div>`;
}

function agreementForm(view: TrackView, v: Verification): SafeHtml {
  const t = TRACK_TEXTS[view.lang].agreement;
  return markup`<form
    method="post"
    action="/track/agreement?lang=${view.lang}"
    class="card"
    id="agreement"
  >
    <h2>${t.title}</h2>
    <p>${t.lead}</p>
    ${hiddenVerification(v)} ${commentField(view, 'agreement-comment', t.comment)}
    <div class="buttons">
      <button type="submit" name="agree" value="yes" id="agree">${t.agree}</button>
      <button type="submit" name="agree" value="no" id="disagree" class="secondary">
        ${t.disagree}
      </button>
    </div>
  </form>`;
}

function surveyForm(view: TrackView, v: Verification): SafeHtml {
  const t = TRACK_TEXTS[view.lang].survey;
  const errors = view.answer?.errors.score;
  const { ids, parts } = notes({ id: 'score', errors });
  const choices = t.scores.map(
    (label, i) =>
      markup`<div class="choice">
        <input
          type="radio"
          id="score-${i + 1}"
          name="score"
          value="${i + 1}"
          ${view.answer?.score === i + 1 ? markup` checked` : ''}${describedBy(ids)}
        /><label for="score-${i + 1}">${label}</label>
      </div>`,
  );
  return markup`<form method="post" action="/track/survey?lang=${view.lang}" class="card" id="survey">
    <h2>${t.title}</h2>
    <p>${t.lead}</p>
    ${hiddenVerification(v)}
    <fieldset class="field choices${errors ? ' has-error' : ''}" id="score">
      <legend class="label">${t.score}</legend>
      ${parts}${choices}
    </fieldset>
    ${commentField(view, 'survey-comment', t.comment)}
    <button type="submit">${t.send}</button>
  </form>`;
}
