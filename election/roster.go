package election

// Roster is everything an election committee imports about one election:
// the election, its councils, the persons elected, complaints against them
// and the outgoing cadres. It is the unit of import and of the demo
// generator.
type Roster struct {
	Election   Election
	Councils   []Council
	Persons    []ElectedPerson
	Complaints []Complaint
	Cadres     []OutgoingCadre
}
