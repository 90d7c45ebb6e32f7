// The pages' names for the one last-day rule (src/domain/last-day.ts).
export { dueText, lastDayOf, PROVISIONAL_NOTE } from '../../../domain/last-day.ts';
