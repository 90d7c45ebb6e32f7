/**
 * Whether an enforcement certificate (执法证) is valid at `now`: it has a number and a last
 * instant still ahead. One rule for the people pickers, the administrators' list and the check
 * of the officers a form names (Penalty Law Arts. 42 and 55).
 */
export function certificateValid(holder: { certificate_no?: string | null; certificate_valid_until?: number | string | null }, now: number): boolean {
  const until = holder.certificate_valid_until;
  return !!holder.certificate_no && until !== null && until !== undefined && Number(until) > now;
}
