import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/schedule-phase-empty";

describeRuleCases(cases);
