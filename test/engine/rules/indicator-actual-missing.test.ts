import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/indicator-actual-missing";

describeRuleCases(cases);
