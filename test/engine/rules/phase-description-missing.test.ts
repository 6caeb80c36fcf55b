import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/phase-description-missing";

describeRuleCases(cases);
