import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/indicator-target-missing";

describeRuleCases(cases);
