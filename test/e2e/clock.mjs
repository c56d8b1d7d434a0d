// Test only: starts the process's clock at CURATOR_TEST_CLOCK (ISO 8601) and lets it run on from there, so an
// end-to-end test can put the real bot on a chosen weekday. Loaded with `node --import`; nothing in src reads it.
const start = process.env.CURATOR_TEST_CLOCK;
if (start) {
  const RealDate = Date;
  const offset = RealDate.parse(start) - RealDate.now();
  if (Number.isNaN(offset)) throw new Error(`CURATOR_TEST_CLOCK is not a date: ${start}`);
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
