import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/objective-weights-sum";

describeRuleCases(cases);
