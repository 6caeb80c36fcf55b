import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/phase-weights-sum";

describeRuleCases(cases);
