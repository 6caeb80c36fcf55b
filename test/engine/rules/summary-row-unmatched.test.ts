import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/summary-row-unmatched";

describeRuleCases(cases);
