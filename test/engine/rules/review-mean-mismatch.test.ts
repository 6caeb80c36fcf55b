import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/review-mean-mismatch";

describeRuleCases(cases);
