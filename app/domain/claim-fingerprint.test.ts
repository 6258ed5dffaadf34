import { describe, expect, it } from "vitest";
import { claimFingerprint, isLinkableFingerprint } from "./claim-fingerprint";

describe("claimFingerprint", () => {
  it("folds case, punctuation and whitespace", () => {
    const a = claimFingerprint("The online store went down at least four times between 5 and 11 March");
    expect(claimFingerprint("the online store went down, at least four times —  between 5 and 11 March.")).toBe(a);
    expect(claimFingerprint("THE ONLINE STORE\nwent down at least four times between 5 and 11 March!")).toBe(a);
    expect(a).toBe("the online store went down at least four times between 5 and 11 march");
  });

  it("treats typographic quotes, hyphens and Markdown emphasis as punctuation", () => {
    expect(claimFingerprint("“AI-generated” code was *behind* them")).toBe(claimFingerprint('"AI generated" code was behind them'));
    expect(claimFingerprint("Meridian’s store")).toBe(claimFingerprint("Meridian's store"));
    expect(claimFingerprint("Meridian's store")).toBe("meridians store");
  });

  it("folds compatibility forms and digit-group separators but keeps the numbers and symbols", () => {
    expect(claimFingerprint("ﬁve outages")).toBe("five outages");
    expect(claimFingerprint("12,000 customers")).toBe(claimFingerprint("12000 customers"));
    expect(claimFingerprint("12,000 customers")).not.toBe(claimFingerprint("12 customers"));
    expect(claimFingerprint("down 40% in a day")).toBe("down 40% in a day");
    expect(claimFingerprint("1.5 hours")).not.toBe(claimFingerprint("15 hours"));
  });

  it("keeps different wording apart", () => {
    expect(claimFingerprint("The store went down four times")).not.toBe(claimFingerprint("The store went down five times"));
    expect(claimFingerprint("It was not caused by hackers")).not.toBe(claimFingerprint("It was caused by hackers"));
  });

  it("is empty for text with no words", () => {
    expect(claimFingerprint(" — … ")).toBe("");
  });
});

describe("isLinkableFingerprint", () => {
  it("refuses fingerprints too short to mean the same claim", () => {
    expect(isLinkableFingerprint(claimFingerprint("It did."))).toBe(false);
    expect(isLinkableFingerprint(claimFingerprint("The store went down."))).toBe(true);
  });
});
