import type { PartyRegister } from '../../../workflow/party-register.ts';
import type { Response } from 'express';
import type { WorkCalendar } from '../../../calendar/index.ts';
import type { Clock } from '../../../clock.ts';
import type { PublishedDiscretion } from '../../../domain/discretion-view.ts';
import type { FormRegistry } from '../../../domain/forms.ts';
import type { Agency } from '../../../domain/publication/agency.ts';
import type { Workflow } from '../../../workflow/workflow.ts';
import type { Views } from '../shared/views.ts';

export interface StaffDeps {
  workflow: Workflow;
  forms: FormRegistry;
  calendar: WorkCalendar;
  clock: Clock;
  views: Views;
  /** The party register: the start form's picker, the party page. */
  parties: PartyRegister;
  /** The publishing agency: the publication review shows the fields as published. */
  agency: Agency;
  /** The discretion benchmark the server loaded: the case review's factor selects offer its tables. */
  discretion: PublishedDiscretion;
}

export type StaffPage = (res: Response, name: string, ctx: Record<string, unknown>, status?: number) => void;

/** Renders a page inside the layout with the request's locals (user, unread count). */
export function staffPage(views: Views): StaffPage {
  return (res, name, ctx, status = 200) => res.status(status).type('html').send(views.render(name, { ...res.locals, ...ctx }));
}
