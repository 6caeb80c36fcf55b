import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/indicator-description-missing";

describeRuleCases(cases);
