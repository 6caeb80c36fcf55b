import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/schedule-row-unmatched";

describeRuleCases(cases);
