import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/join-ambiguous";

describeRuleCases(cases);
