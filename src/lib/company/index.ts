// The company's facts (src/config/company.ts): the placeholder rule and the production guard, and the
// facts as pages show them, each only when it is set.
export * from './placeholders.ts'; // placeholderFacts, productionFactsProblem, the address rule MAIL_FROM shares
export * from './facts.ts'; // responsibleParty, priceList, addressLines, questionsForTheCall
