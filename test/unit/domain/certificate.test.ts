import { expect } from 'chai';
import { certificateValid } from '../../../src/domain/certificate.ts';

/** One rule for the pickers, the administrators' list and the officers a form names. */
describe('Unit: is an enforcement certificate valid (certificateValid)', () => {
  const now = Date.parse('2026-03-02T01:00:00Z');

  it('holds while its last instant is ahead, and not from that instant on', () => {
    expect(certificateValid({ certificate_no: '43000000001', certificate_valid_until: now + 1 }, now)).to.equal(true);
    expect(certificateValid({ certificate_no: '43000000001', certificate_valid_until: now }, now)).to.equal(false);
    expect(certificateValid({ certificate_no: '43000000001', certificate_valid_until: now - 86_400_000 }, now)).to.equal(false);
  });

  it('needs a number and a validity: a number without an end date, or a date without a number, is no certificate', () => {
    expect(certificateValid({ certificate_no: '43000000001', certificate_valid_until: null }, now)).to.equal(false);
    expect(certificateValid({ certificate_no: null, certificate_valid_until: now + 1 }, now)).to.equal(false);
    expect(certificateValid({}, now)).to.equal(false);
  });

  it('reads a validity PostgreSQL returns as text (bigint)', () => {
    expect(certificateValid({ certificate_no: '43000000001', certificate_valid_until: String(now + 1) }, now)).to.equal(true);
  });
});
