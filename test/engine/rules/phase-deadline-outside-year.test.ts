import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/phase-deadline-outside-year";

describeRuleCases(cases);
