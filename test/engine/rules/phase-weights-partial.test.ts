import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/phase-weights-partial";

describeRuleCases(cases);
