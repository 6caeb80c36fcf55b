import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/phase-completion-missing";

describeRuleCases(cases);
