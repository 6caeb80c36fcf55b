import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/card-unmatched";

describeRuleCases(cases);
