import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/weight-missing";

describeRuleCases(cases);
