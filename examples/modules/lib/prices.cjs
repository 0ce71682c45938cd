module.exports = { tea: 350, cake: 420 };
