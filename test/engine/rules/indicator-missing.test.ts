import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/indicator-missing";

describeRuleCases(cases);
